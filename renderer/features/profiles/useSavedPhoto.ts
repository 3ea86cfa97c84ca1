import { useEffect, useState } from 'react';
import { bytesOfBase64 } from '../../encoding/base64';
import { useIpc } from '../../ipc/IpcContext';
import { profilesStrings } from './strings';

export type SavedPhoto =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'failed'; readonly message: string };

/** A stored photo from main's photo store, as an object URL (the CSP allows blob: images); revoked when done. */
export function useSavedPhoto(photoId: string | undefined): SavedPhoto {
  const ipc = useIpc();
  const [photo, setPhoto] = useState<{ id: string; value: SavedPhoto } | undefined>(undefined);
  useEffect(() => {
    if (photoId === undefined) return undefined;
    let cancelled = false;
    let url: string | undefined;
    void ipc.invoke('photo:read', { photoId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setPhoto({
          id: photoId,
          value: { kind: 'failed', message: profilesStrings.photoReadFailed(result.error.message) },
        });
        return;
      }
      url = URL.createObjectURL(new Blob([bytesOfBase64(result.value.bytesBase64)], { type: 'image/jpeg' }));
      setPhoto({ id: photoId, value: { kind: 'ready', url } });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [ipc, photoId]);
  if (photoId === undefined) return { kind: 'none' };
  return photo?.id === photoId ? photo.value : { kind: 'loading' };
}
