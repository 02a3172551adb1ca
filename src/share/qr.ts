/**
 * The link as a QR code, drawn locally by lean-qr. The library is fetched only when the share
 * dialog asks for a code, so the first load does not carry it.
 */
export async function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const { generate, correction } = await import('lean-qr');
  // Medium correction: still reads from a screen photographed at an angle.
  const code = generate(text, { minCorrectionLevel: correction.M });
  // One pixel per module, four modules of quiet zone; CSS scales it up without smoothing.
  code.toCanvas(canvas, { on: [0, 0, 0], off: [255, 255, 255], pad: 4 });
}
