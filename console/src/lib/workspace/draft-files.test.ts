import { describe, expect, it } from 'vitest';
import { type AttachmentDraft, createDraftFiles } from './draft-files.js';

function uploading(key: number): AttachmentDraft {
  return { key, file: new File(['x'], `f${key}.png`), progress: 0, status: 'uploading', cancel: new AbortController() };
}

describe('draft files', () => {
  it('keeps each conversation its own files, telling whoever shows them of every change', () => {
    const files = createDraftFiles();
    const seen: number[] = [];
    const stop = files.of('c1').subscribe(() => seen.push(files.of('c1').get().length));
    files.of('c1').set((list) => [...list, uploading(1)]);
    files.of('c2').set((list) => [...list, uploading(2)]);
    // The same shelf again (a composer mounted anew finds the files), the other chat's apart.
    expect(
      files
        .of('c1')
        .get()
        .map((file) => file.key),
    ).toEqual([1]);
    expect(
      files
        .of('c2')
        .get()
        .map((file) => file.key),
    ).toEqual([2]);
    stop();
    files.of('c1').set(() => []);
    expect(seen).toEqual([1]);
  });

  it('discarding calls off every upload and forgets every file', () => {
    const files = createDraftFiles();
    const [a, b] = [uploading(1), uploading(2)];
    files.of('c1').set(() => [a]);
    files.of('c2').set(() => [b]);
    let emptied = false;
    files.of('c1').subscribe(() => {
      emptied = files.of('c1').get().length === 0;
    });
    files.discardAll();
    expect([a.cancel.signal.aborted, b.cancel.signal.aborted]).toEqual([true, true]);
    expect(emptied).toBe(true);
    expect(files.of('c1').get()).toEqual([]);
  });
});
