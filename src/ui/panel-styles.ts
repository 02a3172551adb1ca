import { css } from 'lit';

/**
 * What every panel shares: the box, the header with its heading and round icon buttons, link-like
 * buttons. Touch screens get 44 px targets (WCAG 2.5.5); text and controls meet AA contrast.
 */
export const panelStyles = css`
  /* The face is inherited from the page's language (app.css); runs in the other language carry lang. */
  :host { display: block; font-size: 14px; line-height: 1.5; color: #1f2a33; }
  [lang|='zh'] { font-family: var(--font-zh); }
  [lang|='en'] { font-family: var(--font-en); }
  :host([hidden]) { display: none; }
  section[part='panel'] { background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.18); display: flex; flex-direction: column; max-height: 100%; box-sizing: border-box; overflow: hidden; }
  header { display: flex; align-items: flex-start; gap: 4px; padding: 12px 10px 6px 16px; border-bottom: 1px solid #eef1f3; }
  .body { padding: 4px 16px 14px; overflow: hidden auto; overflow-wrap: anywhere; min-height: 0; flex: 1; }
  h2 { font-size: 18px; line-height: 1.3; margin: 4px 0 0; flex: 1; min-width: 0; }
  h2:focus { outline: none; }
  h2:focus-visible { outline: 3px solid #0b5d8f; outline-offset: 2px; border-radius: 2px; }
  .second { display: block; font-size: 13px; font-weight: normal; color: #4a5560; }
  button { font: inherit; color: inherit; }
  button.icon { border: 0; background: #eef1f3; border-radius: 50%; width: 32px; height: 32px; flex: none; cursor: pointer; font-size: 18px; line-height: 1; display: inline-flex; align-items: center; justify-content: center; padding: 0; color: #1f2a33; }
  button.icon:hover { background: #dfe5e9; }
  button.link { border: 0; background: none; padding: 2px 0; color: #0b5d8f; text-decoration: underline; cursor: pointer; min-height: 24px; }
  button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #0b5d8f; outline-offset: 2px; }
  p { margin: 6px 0; }
  @media (pointer: coarse) {
    button.icon { width: 44px; height: 44px; }
    button.link, summary { min-height: 44px; display: inline-flex; align-items: center; }
  }
`;
