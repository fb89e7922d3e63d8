/** Offers rows as a CSV file download (every committee chart can be taken away as data). */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CsvButton({ onClick, label = 'CSV' }: { onClick: () => void; label?: string }) {
  return <button type="button" className="csv-button" onClick={onClick} title="Download the figures as CSV">{label} ↓</button>;
}
