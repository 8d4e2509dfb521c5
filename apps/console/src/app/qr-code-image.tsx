// A QR code drawn in the browser (npm `qrcode`) for an address a phone opens: the training
// check-in code, a village's survey code. A placeholder of the same size stands while it is drawn.
import { useEffect, useState } from 'react';
import { Skeleton } from 'antd';
import QRCode from 'qrcode';

interface QrCodeImageProps {
  readonly url: string;
  readonly size: number;
  readonly alt: string;
  readonly testId: string;
}

export function QrCodeImage({ url, size, alt, testId }: QrCodeImageProps) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void QRCode.toDataURL(url, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then((data) => alive && setImage(data));
    return () => {
      alive = false;
    };
  }, [url, size]);
  if (!image) return <Skeleton.Image style={{ width: size, height: size }} />;
  return <img src={image} width={size} height={size} data-testid={testId} data-url={url} alt={alt} />;
}
