// A second entry of index.html (Vite bundles it with the app): the document's title and
// description follow the interface language.
import { followPageLanguage } from './ui/page-meta';

followPageLanguage();
