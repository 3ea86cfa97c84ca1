import { useId, useState, type ChangeEvent } from 'react';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { PhotoCropper } from './PhotoCropper';
import { FilePickButton } from '../../ui/FilePickButton';
import { profilesStrings } from './strings';
import { useSavedPhoto } from './useSavedPhoto';

/** Pictures larger than this are not worth decoding for a 360×480 crop. */
const maxPickedBytes = 20 * 1024 * 1024;

/** The student's 3×4 photo: shown from main's store; the homeroom teacher picks, crops and saves a new one. */
export function PhotoPicker({ student, readOnly }: { student: PersonDoc; readOnly: boolean }) {
  const saved = useSavedPhoto(student.photo?.photoId);
  const [picked, setPicked] = useState<File | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const inputId = useId();

  const onChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxPickedBytes) {
      setMessage({ text: profilesStrings.photoTooLarge, error: true });
      return;
    }
    setMessage(undefined);
    setPicked(file);
  };

  return (
    <fieldset className="profile-group photo-picker">
      <legend>{profilesStrings.photoLegend}</legend>
      {picked ? (
        <PhotoCropper
          key={`${picked.name}|${picked.lastModified}|${picked.size}`}
          file={picked}
          studentId={student.id}
          onDone={(text) => {
            setPicked(undefined);
            setMessage({ text, error: false });
          }}
          onCancel={() => setPicked(undefined)}
        />
      ) : (
        <div className="photo-frame">
          {saved.kind === 'ready' && <img src={saved.url} alt={profilesStrings.photoAlt(student.fullName)} />}
          {saved.kind === 'loading' && <span className="status">{profilesStrings.photoLoading}</span>}
          {saved.kind === 'none' && <span className="status">{profilesStrings.noPhoto}</span>}
          {saved.kind === 'failed' && <span className="error">{saved.message}</span>}
        </div>
      )}
      {!readOnly && (
        <FilePickButton
          id={inputId}
          label={picked || student.photo ? profilesStrings.changePhoto : profilesStrings.choosePhoto}
          accept="image/jpeg,image/png,image/webp"
          onChange={onChosen}
        />
      )}
      {message && (
        <p className={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
