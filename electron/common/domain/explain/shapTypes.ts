/**
 * A coalition game over model inputs: `evaluate` gets coalitions (true = the player takes its real value,
 * false = its baseline value) and returns the model output for each, in the same order. Batching lets the
 * caller run all coalitions in one onnxruntime call.
 */
export type CoalitionValue = (coalitions: readonly boolean[][]) => Promise<number[]>;

export interface ShapResult {
  /** one value per player, in the output's unit (e.g. probability) */
  readonly values: number[];
  /** f(all players real) */
  readonly fullValue: number;
  /** f(all players at baseline) */
  readonly baselineValue: number;
  readonly method: 'exact' | 'kernel';
  /** model evaluations used */
  readonly evaluations: number;
}
