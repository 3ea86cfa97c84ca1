/**
 * The geometry of cropping a photo to the học bạ's 3×4 frame: the image is scaled to cover the
 * frame (times a zoom) and moved within it, never leaving an empty edge.
 */
export type Size = { readonly width: number; readonly height: number };
/** Zoom ≥ 1 and the image's top-left corner in frame pixels (≤ 0). */
export type CropView = { readonly zoom: number; readonly x: number; readonly y: number };

export const minZoom = 1;
export const maxZoom = 4;

/** The scale at zoom 1: the smallest that covers the frame. */
function coverScale(image: Size, frame: Size): number {
  return Math.max(frame.width / image.width, frame.height / image.height);
}

export function scaleOf(view: CropView, image: Size, frame: Size): number {
  return coverScale(image, frame) * view.zoom;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** Keeps the zoom in range and the frame covered. */
export function clampView(view: CropView, image: Size, frame: Size): CropView {
  const zoom = clamp(view.zoom, minZoom, maxZoom);
  const scale = coverScale(image, frame) * zoom;
  return {
    zoom,
    x: clamp(view.x, frame.width - image.width * scale, 0),
    y: clamp(view.y, frame.height - image.height * scale, 0),
  };
}

/** The whole frame covered, the image centred. */
export function initialView(image: Size, frame: Size): CropView {
  const scale = coverScale(image, frame);
  return {
    zoom: 1,
    x: (frame.width - image.width * scale) / 2,
    y: (frame.height - image.height * scale) / 2,
  };
}

/** Zooms about the frame's centre, so what is in the middle stays there. */
export function zoomTo(view: CropView, zoom: number, image: Size, frame: Size): CropView {
  const next = clamp(zoom, minZoom, maxZoom);
  const ratio = next / view.zoom;
  const centreX = frame.width / 2;
  const centreY = frame.height / 2;
  return clampView(
    { zoom: next, x: centreX - (centreX - view.x) * ratio, y: centreY - (centreY - view.y) * ratio },
    image,
    frame,
  );
}

export function panBy(view: CropView, dx: number, dy: number, image: Size, frame: Size): CropView {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, image, frame);
}

/** The part of the image (in its own pixels) that the frame shows: what `drawImage` takes. */
export function sourceRectangle(view: CropView, image: Size, frame: Size) {
  const scale = scaleOf(view, image, frame);
  return { sx: -view.x / scale, sy: -view.y / scale, sw: frame.width / scale, sh: frame.height / scale };
}
