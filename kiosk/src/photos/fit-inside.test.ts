import { describe, expect, it } from 'vitest';
import { fitInside } from './fit-inside.ts';

describe('fitting a photo inside the upload size', () => {
  it('brings the longest side of a landscape photo down to the limit', () => {
    const size = fitInside(4032, 3024, 1600);

    expect(size).toEqual({ width: 1600, height: 1200 });
  });

  it('brings the longest side of a portrait photo down to the limit', () => {
    const size = fitInside(3000, 4000, 1600);

    expect(size).toEqual({ width: 1200, height: 1600 });
  });

  it('leaves a photo that already fits as it is', () => {
    const size = fitInside(1200, 900, 1600);

    expect(size).toEqual({ width: 1200, height: 900 });
  });

  it('never makes a side zero, however thin the photo', () => {
    const size = fitInside(10_000, 2, 1600);

    expect(size).toEqual({ width: 1600, height: 1 });
  });
});
