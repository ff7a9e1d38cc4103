/** The codes on paper: QR codes rendered on the server as SVG, so that posters print sharply. */
import QRCode from 'qrcode';
import type { Request } from 'express';
import type { TargetKind } from './opinions.service.js';

/** The address a code leads to, on the host the staff member is using (behind a proxy: TRUST_PROXY). */
export function voterUrl(req: Request, kind: TargetKind, code: string): string {
  return `${req.protocol}://${req.get('host')}/v/${kind}/${code}`;
}

/** An SVG QR code as a data: URL for an <img> (escaped like any other attribute; the CSP allows data: images). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
