/** Whether this browser can draw the map at all (WebGL 2, as MapLibre 6 needs). */
export function webglAvailable(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    // Release the probe's context at once: browsers cap live WebGL contexts, and the map needs one.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}
