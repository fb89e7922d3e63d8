/** DICOM DA (YYYYMMDD) → ISO 8601 date (YYYY-MM-DD); ISO input passes through; anything else → null. */
export function dicomDateToIso(date: string | null | undefined): string | null {
  if (!date) return null;
  const trimmed = date.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  return /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? trimmed.slice(0, 10) : null;
}
