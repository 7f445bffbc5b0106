/** The distinct staff names of a 调查/复查 field, written with 顿号, commas, semicolons or spaces between them. */
export const staffNames = (text: string): string[] => [
  ...new Set(
    text
      .split(/[、,，;；\s]+/)
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];
