/** RFC 4180 CSV text: fields with the separator, a quote or a line break are quoted, quotes doubled. */
export function csvLine(fields: readonly string[], separator: string): string {
  return fields
    .map((field) =>
      field.includes(separator) || /["\r\n]/.test(field)
        ? `"${field.replaceAll('"', '""')}"`
        : field,
    )
    .join(separator);
}
