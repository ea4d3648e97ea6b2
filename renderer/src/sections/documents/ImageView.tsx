/** An image at the chosen zoom, scrollable when larger than the view. */
export function ImageView({ src, zoom, alt }: { src: string; zoom: number; alt: string }) {
  return (
    <div className="image-view">
      <img src={src} alt={alt} style={{ width: `${Math.round(zoom * 100)}%`, maxWidth: zoom <= 1 ? '100%' : 'none' }} />
    </div>
  );
}
