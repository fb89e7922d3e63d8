// Minimal typings for the parts of dcmjs (no bundled types) that RTQA Review uses.
declare module 'dcmjs' {
  interface DcmjsLogger { setLevel(level: string): void; getLogger(name: string): DcmjsLogger }
  interface DicomDictLike { meta: Record<string, unknown>; dict: Record<string, unknown>; write(options?: unknown): ArrayBuffer }
  interface ReadOptions { ignoreErrors?: boolean; untilTag?: string | null; includeUntilTagValue?: boolean; noCopy?: boolean; stopOnGreaterTag?: boolean }
  const dcmjs: {
    log: DcmjsLogger;
    data: {
      DicomMessage: {
        readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDictLike;
        _read(stream: unknown, syntax: string, options?: ReadOptions): Record<string, unknown>;
      };
      DicomMetaDictionary: {
        naturalizeDataset(dict: Record<string, unknown>): Record<string, unknown>;
        denaturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown>;
        uid(): string;
      };
      DicomDict: new (meta: Record<string, unknown>) => DicomDictLike;
      ReadBufferStream: new (buffer: ArrayBuffer, littleEndian?: boolean | null, options?: { noCopy?: boolean }) => unknown;
      datasetToBuffer(dataset: Record<string, unknown>): { buffer: ArrayBuffer } & Uint8Array;
    };
  };
  export default dcmjs;
}
