/** Real small files made in code (PNG, PDF), shared with the server's tests. */
export { pdfFile, pngFile } from '../../server/src/test-support/sample-files.js';
