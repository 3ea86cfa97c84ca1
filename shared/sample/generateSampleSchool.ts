import { defaultCompiledCatalogue } from '../domain/evaluation/compiledCatalogue';
import { classIdOf, schoolIdOf, studentIdOf } from '../domain/ids';
import { grades, usualBirthYear, type Grade } from '../domain/grade';
import { composePersonalId } from '../domain/personalId';
import { compareVietnameseNames } from '../domain/personName';
import { schoolYearStarting, startYearOf, type SchoolYear } from '../domain/schoolYear';
import type { Gender, StudentIdentity } from '../domain/student';
import { notApplicable } from '../domain/text';
import { createRandom, type Random } from './random';
import { hometownPool, sampleRegions, schoolNamePool, type SampleRegion } from './sampleRegions';
import { generateSampleStaff } from './sampleStaff';
import {
  sampleSchoolFileFormat,
  sampleStudentLimits,
  type SampleClass,
  type SampleSchoolFile,
  type SampleStudent,
} from './sampleSchoolFile';
import {
  adultFemaleGivenNames,
  adultFemaleMiddleNames,
  adultMaleGivenNames,
  adultMaleMiddleNames,
  familyNames,
  femaleGivenNames,
  femaleMiddleNames,
  femaleSecondMiddleNames,
  maleGivenNames,
  maleMiddleNames,
} from './vietnameseNames';

export type SampleSchoolOptions = {
  readonly seed: number;
  readonly students: number;
  readonly schoolYear?: SchoolYear;
  /** One of `sampleRegions` keys; chosen from the seed when absent. */
  readonly region?: string;
};

export const defaultSampleSchoolYear: SchoolYear = schoolYearStarting(2025);

/** Splits a grade's students into classes of 30–40 where the numbers allow it. */
export function classSizesFor(studentCount: number): number[] {
  if (studentCount <= 0) return [];
  const fewest = Math.ceil(studentCount / 40);
  const most = Math.floor(studentCount / 30);
  const count = fewest <= most ? Math.min(most, Math.max(fewest, Math.round(studentCount / 35))) : fewest;
  const base = Math.floor(studentCount / count);
  const extra = studentCount % count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}

function splitAcrossGrades(total: number, random: Random): Map<Grade, number> {
  const weights = grades.map(() => 0.92 + random.next() * 0.16);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let remaining = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; remaining > 0; i = (i + 1) % counts.length, remaining -= 1)
    counts[i] = (counts[i] ?? 0) + 1;
  return new Map(grades.map((grade, index) => [grade, counts[index] ?? 0]));
}

function childName(random: Random, gender: Gender, familyName: string): string {
  if (gender === 'male') {
    return `${familyName} ${random.pick(maleMiddleNames)} ${random.pick(maleGivenNames)}`;
  }
  const middle = random.chance(0.2)
    ? `${random.pick(femaleMiddleNames)} ${random.pick(femaleSecondMiddleNames)}`
    : random.pick(femaleMiddleNames);
  return `${familyName} ${middle} ${random.pick(femaleGivenNames)}`;
}

function adultName(random: Random, gender: Gender, familyName?: string): string {
  const family = familyName ?? random.weighted(familyNames);
  return gender === 'male'
    ? `${family} ${random.pick(adultMaleMiddleNames)} ${random.pick(adultMaleGivenNames)}`
    : `${family} ${random.pick(adultFemaleMiddleNames)} ${random.pick(adultFemaleGivenNames)}`;
}

function birthDateIn(random: Random, year: number): string {
  const dayOfYear = random.int(0, 364);
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10);
}

type StudentDraft = Omit<SampleStudent, 'id' | 'classId' | 'schoolId' | 'schoolYear'>;

/**
 * Electives: most families in grades 1–2 choose English (Ngoại ngữ 1); some children of ethnic
 * minorities learn their own language (Tiếng dân tộc thiểu số) where the school offers it.
 */
function electivesFor(random: Random, grade: Grade, ethnicity: string): string[] {
  const electives: string[] = [];
  if (grade <= 2 && random.chance(0.9)) electives.push('ngoai-ngu-1');
  if (ethnicity !== 'Kinh' && random.chance(0.4)) electives.push('tieng-dan-toc');
  return electives;
}

/**
 * A personal ID no other child of the school has: on a clash the serial moves to the next free
 * number (no extra random draw, so the rest of the school stays the same for a given seed).
 */
function uniquePersonalId(
  taken: Set<string>,
  region: SampleRegion,
  gender: Gender,
  birthYear: number,
  serial: number,
): string {
  for (let offset = 0; ; offset += 1) {
    const id = composePersonalId(
      region.personalIdProvinceCode,
      gender,
      birthYear,
      (serial + offset) % 1_000_000,
    );
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function studentDraft(
  random: Random,
  region: SampleRegion,
  grade: Grade,
  schoolYearStart: number,
  serial: number,
  takenPersonalIds: Set<string>,
): StudentDraft {
  const gender: Gender = random.chance(0.515) ? 'male' : 'female';
  const familyName = random.weighted(familyNames);
  // About 2 % of children are a year older than their grade (late entry or a repeated year).
  const birthYear = usualBirthYear(grade, schoolYearStart) - (random.chance(0.02) ? 1 : 0);
  const hasGuardian = random.chance(0.03);
  const fatherKnown = !hasGuardian || random.chance(0.5);
  const commune = random.pick(region.communes);
  const identity: StudentIdentity = {
    studentCode: `${region.studentCodePrefix}${String(serial).padStart(8, '0')}`,
    personalId: uniquePersonalId(takenPersonalIds, region, gender, birthYear, random.int(0, 999_999)),
    fullName: childName(random, gender, familyName),
    gender,
    birthDate: birthDateIn(random, birthYear),
    ethnicity: random.weighted(region.ethnicityWeights),
    nationality: 'Việt Nam',
    birthPlace: `${random.pick(region.birthPlaces)}, ${region.province}`,
    hometown: random.chance(0.6) ? `${commune}, ${region.province}` : random.pick(hometownPool),
    address: `Số ${random.int(1, 199)}, ${random.pick(region.streets)}, ${commune}, ${region.province}`,
    fatherName: fatherKnown ? adultName(random, 'male', familyName) : notApplicable,
    motherName: adultName(random, 'female'),
    guardianName: hasGuardian ? adultName(random, random.chance(0.5) ? 'male' : 'female') : notApplicable,
  };
  return { ...identity, electives: electivesFor(random, grade, identity.ethnicity) };
}

/**
 * Generates a realistic primary school: five grades, classes of 30–40, Vietnamese names with
 * diacritics, genders, birth dates that match the grades, ethnicities of the region, parents.
 * Deterministic: the same options always give the same school.
 */
export function generateSampleSchool(options: SampleSchoolOptions): SampleSchoolFile {
  const { seed, students: total } = options;
  if (!Number.isInteger(total) || total < sampleStudentLimits.min || total > sampleStudentLimits.max) {
    throw new RangeError(
      `students must be an integer from ${sampleStudentLimits.min} to ${sampleStudentLimits.max}`,
    );
  }
  const random = createRandom(seed);
  const schoolYear = options.schoolYear ?? defaultSampleSchoolYear;
  const schoolYearStart = startYearOf(schoolYear);
  const region =
    sampleRegions.find((candidate) => candidate.key === options.region) ?? random.pick(sampleRegions);
  if (options.region !== undefined && region.key !== options.region) {
    throw new RangeError(`unknown region ${options.region}`);
  }

  const schoolCode = `${region.studentCodePrefix}${String(random.int(100, 999))}${String(random.int(100, 999))}`;
  const schoolId = schoolIdOf(schoolCode);
  const commune = random.pick(region.communes);
  const school: SampleSchoolFile['school'] = {
    id: schoolId,
    code: schoolCode,
    name: random.pick(schoolNamePool),
    province: region.province,
    commune,
    address: `Số ${random.int(1, 99)}, ${random.pick(region.streets)}, ${commune}, ${region.province}`,
    principalName: adultName(random, random.chance(0.6) ? 'female' : 'male'),
    phone: `024${String(random.int(1_000_000, 9_999_999))}`,
    email: `c1.${schoolCode}@edu.vn`,
  };

  const classes: SampleClass[] = [];
  const students: SampleStudent[] = [];
  const serialBase = random.int(10_000_000, 80_000_000);
  let serial = serialBase;
  const takenPersonalIds = new Set<string>();
  for (const [grade, count] of splitAcrossGrades(total, random)) {
    classSizesFor(count).forEach((size, index) => {
      const name = `${grade}${String.fromCharCode(65 + index)}`;
      const classId = classIdOf(schoolId, schoolYear, name);
      classes.push({
        id: classId,
        schoolId,
        schoolYear,
        grade,
        name,
        homeroomTeacherName: adultName(random, random.chance(0.85) ? 'female' : 'male'),
      });
      const drafts = Array.from({ length: size }, () =>
        studentDraft(random, region, grade, schoolYearStart, (serial += 1), takenPersonalIds),
      );
      drafts.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
      for (const draft of drafts) {
        students.push({ ...draft, id: studentIdOf(draft.studentCode), schoolId, schoolYear, classId });
      }
    });
  }

  const { staff, assignments } = generateSampleStaff(
    defaultCompiledCatalogue(),
    school.principalName,
    adultName(random, random.chance(0.7) ? 'female' : 'male'),
    () => adultName(random, random.chance(0.75) ? 'female' : 'male'),
    classes,
  );
  return {
    format: sampleSchoolFileFormat,
    formatVersion: 2,
    seed,
    schoolYear,
    school,
    classes,
    students,
    staff,
    assignments,
  };
}
