/** The URL of the search index the build emits (scripts/search-index-plugin.mjs). */
declare module 'virtual:atlas-search-index' {
  const url: string;
  export default url;
}
