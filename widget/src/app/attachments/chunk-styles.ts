import { chunkStyles } from '../lib/chunk-styles.js';
import css from './tray.css?inline';

/** Puts the upload chunk's styles into the shadow root the first time one of its elements mounts. */
export const withChunkStyles = chunkStyles('at', css);
