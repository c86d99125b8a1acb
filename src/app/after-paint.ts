/** Resolves in the first task after the next frame has been painted (a frame's callbacks run before its paint). */
export const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
