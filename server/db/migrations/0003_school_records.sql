-- What the principal holds as the source of truth: classes, assignments (phân công), and the
-- students table sync fills. Every key starts with school_id; no foreign key leaves the school.
create table classes (
  school_id text not null,
  class_id text not null,
  school_year text not null,
  grade integer not null check (grade between 1 and 5),
  name text not null,
  created_at timestamptz not null,
  primary key (school_id, class_id)
);

create table assignments (
  school_id text not null,
  class_id text not null,
  teacher_id text not null,
  homeroom boolean not null,
  subjects jsonb not null,
  updated_at timestamptz not null,
  primary key (school_id, class_id, teacher_id),
  foreign key (school_id, class_id) references classes (school_id, class_id) on delete cascade,
  foreign key (school_id, teacher_id) references accounts (school_id, user_id) on delete cascade
);

create table students (
  school_id text not null,
  student_id text not null,
  class_id text,
  full_name text not null,
  updated_at timestamptz not null,
  primary key (school_id, student_id),
  foreign key (school_id, class_id) references classes (school_id, class_id)
);
