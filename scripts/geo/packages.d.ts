// The data scripts' own packages (scripts/geo/package.json) are installed only when the data is
// rebuilt (`npm run geo`), not by `npm ci` for the app and its tests. Declared here so that the
// type check of scripts/ (npm test) reads the same on a machine that has not installed them.
declare module 'gcoord';
declare module 'mapshaper';
declare module 'jpeg-js';
