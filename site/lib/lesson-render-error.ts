/**
 * `astro dev` builds its table of content modules when it starts: a lesson folder added while
 * it runs is listed (the glob loader sees it) but cannot be rendered until a restart, and Astro
 * says only "UnknownContentCollectionError". This turns that into what to do.
 */
export function lessonRenderError(id: string, error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  if (name !== 'UnknownContentCollectionError') return error instanceof Error ? error : new Error(String(error));
  return new Error(
    `lesson \`${id}\` was added while the dev server was running: Astro renders new lessons only after a restart. Stop \`npm start\` (Ctrl-C) and start it again; edits to existing lessons and exercises reload without one.`,
    { cause: error },
  );
}
