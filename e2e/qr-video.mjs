// Writes a video of QR codes for Chromium's fake camera
// (--use-file-for-fake-video-capture=FILE.y4m): each text shown for `hold` frames, dark modules
// on a light page, centred, as a phone held up to a laptop would show them. Uncompressed Y4M
// (4:2:0), so no encoder is needed; Chromium loops the file.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const W = 640;
const H = 480;

function frame(text) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((Math.min(W, H) * 0.9) / (size + 2 * quiet));
  const side = (size + 2 * quiet) * scale;
  const left = Math.floor((W - side) / 2);
  const top = Math.floor((H - side) / 2);
  // Luma: a grey room around a white card, the code black on it.
  const y = Buffer.alloc(W * H, 120);
  for (let r = 0; r < side; r++) y.fill(235, (top + r) * W + left, (top + r) * W + left + side);
  for (let my = 0; my < size; my++) {
    for (let mx = 0; mx < size; mx++) {
      if (!qr.modules.get(my, mx)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (quiet + my) * scale + dy) * W + left + (quiet + mx) * scale;
        y.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
}

/// Writes `texts` to `path`, each held for `hold` frames at 10 frames a second.
export function writeQrVideo(path, texts, hold = 8) {
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const t of texts) {
    const f = frame(t);
    for (let i = 0; i < hold; i++) parts.push(f);
  }
  writeFileSync(path, Buffer.concat(parts));
}

/// The frames a phone shows for a long code (format in crates/core/src/exchange/frames.rs).
export async function framesOf(code, chunk = 200) {
  const { createHash } = await import('node:crypto');
  const check = createHash('sha256').update(code).digest('hex').slice(0, 6).toUpperCase();
  const parts = [];
  for (let i = 0; i < code.length; i += chunk) parts.push(code.slice(i, i + chunk));
  return parts.map((p, i) => `MIPF.${i + 1}.${parts.length}.${check}.${p}`);
}
