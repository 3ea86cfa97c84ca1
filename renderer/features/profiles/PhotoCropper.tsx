import type { StudentId } from '../../../shared/domain/ids';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { fileToBase64 } from '../../app/download';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { setPhoto } from '../../data/writes/profileWrites';
import { WriteRefused } from '../../data/writes/writeContext';
import { useIpc } from '../../ipc/IpcContext';
import {
  clampView,
  initialView,
  maxZoom,
  minZoom,
  panBy,
  scaleOf,
  sourceRectangle,
  zoomTo,
  type CropView,
  type Size,
} from './photoCrop';
import { profilesStrings } from './strings';

/** The frame on screen (3:4) and the stored photo: 360×480 JPEG, quality 0.85 (a few tens of KB). */
const frame: Size = { width: 180, height: 240 };
const output: Size = { width: 360, height: 480 };
const jpegQuality = 0.85;
const keyStep = 8;

type LoadedImage = { readonly element: HTMLImageElement; readonly url: string; readonly size: Size };

type Props = {
  readonly file: File;
  readonly studentId: StudentId;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
};

function toJpeg(image: LoadedImage, view: CropView): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = output.width;
  canvas.height = output.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2d canvas'));
  // A transparent PNG would turn black in JPEG: paint white under it, as a photo studio would.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  context.imageSmoothingQuality = 'high';
  const { sx, sy, sw, sh } = sourceRectangle(view, image.size, frame);
  context.drawImage(image.element, sx, sy, sw, sh, 0, 0, output.width, output.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      jpegQuality,
    );
  });
}

/** Places a chosen picture in the 3×4 frame (zoom, drag to move) and stores the crop. */
export function PhotoCropper({ file, studentId, onDone, onCancel }: Props) {
  const ipc = useIpc();
  const database = useDatabase();
  const { writeContext } = useSchool();
  const zoomId = useId();
  const [image, setImage] = useState<LoadedImage | undefined>(undefined);
  const [view, setView] = useState<CropView>({ zoom: 1, x: 0, y: 0 });
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const drag = useRef<{ pointerId: number; x: number; y: number } | undefined>(undefined);

  useEffect(() => {
    const url = URL.createObjectURL(file);
    const element = new Image();
    element.src = url;
    let cancelled = false;
    element
      .decode()
      .then(() => {
        if (cancelled) return;
        const size = { width: element.naturalWidth, height: element.naturalHeight };
        setImage({ element, url, size });
        setView(initialView(size, frame));
      })
      .catch(() => {
        if (!cancelled) setMessage(profilesStrings.photoNotImage);
      });
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  const save = async (loaded: LoadedImage): Promise<void> => {
    setSaving(true);
    setMessage(undefined);
    const fail = (reason: string): void => {
      setMessage(profilesStrings.photoFailed(reason));
      setSaving(false);
    };
    try {
      const jpeg = await toJpeg(loaded, view);
      const result = await ipc.invoke('photo:save', { bytesBase64: await fileToBase64(jpeg) });
      if (!result.ok) {
        fail(result.error.message);
        return;
      }
      await setPhoto(database, writeContext, studentId, { photoId: result.value.photoId, ...output });
      onDone(profilesStrings.photoSaved);
    } catch (error) {
      fail(error instanceof WriteRefused ? error.message : profilesStrings.unexpected);
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const start = drag.current;
    if (!image || start?.pointerId !== event.pointerId) return;
    drag.current = { ...start, x: event.clientX, y: event.clientY };
    setView((current) => panBy(current, event.clientX - start.x, event.clientY - start.y, image.size, frame));
  };
  const endDrag = (): void => {
    drag.current = undefined;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!image) return;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-keyStep, 0],
      ArrowRight: [keyStep, 0],
      ArrowUp: [0, -keyStep],
      ArrowDown: [0, keyStep],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setView((current) => panBy(current, move[0], move[1], image.size, frame));
  };

  const scale = image ? scaleOf(view, image.size, frame) : 1;
  return (
    <div className="photo-cropper">
      <div
        className="photo-frame photo-crop-frame"
        role="group"
        aria-label={profilesStrings.photoFrame}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onKeyDown={onKeyDown}
      >
        {image && (
          <img
            src={image.url}
            alt=""
            draggable={false}
            style={{
              width: image.size.width * scale,
              height: image.size.height * scale,
              transform: `translate(${view.x}px, ${view.y}px)`,
            }}
          />
        )}
      </div>
      <p className="hint">{profilesStrings.photoHint}</p>
      <div className="field">
        <label htmlFor={zoomId}>{profilesStrings.photoZoom}</label>
        <input
          id={zoomId}
          type="range"
          min={minZoom}
          max={maxZoom}
          step={0.05}
          value={view.zoom}
          disabled={!image}
          onChange={(event) => {
            if (image)
              setView((current) =>
                zoomTo(clampView(current, image.size, frame), Number(event.target.value), image.size, frame),
              );
          }}
        />
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={!image || saving}
          onClick={() => {
            if (image) void save(image);
          }}
        >
          {saving ? profilesStrings.savingPhoto : profilesStrings.savePhoto}
        </button>
        <button type="button" className="button" disabled={saving} onClick={onCancel}>
          {profilesStrings.cancelPhoto}
        </button>
      </div>
      {message && (
        <p className="notice error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
