// Headless Debian Chromium for the browser tests and the benchmark, kept off the network: every
// host but the local server resolves to nothing, so a request that tries to leave shows up as a
// failure. WebGL runs on SwiftShader.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export const CHROMIUM_MISSING =
  `No Chromium at ${CHROMIUM_PATH}. Install Debian's Chromium and CJK fonts: ` +
  '`apt-get install -y chromium fonts-noto-cjk`, or point CHROMIUM_PATH at another Chromium binary.';
