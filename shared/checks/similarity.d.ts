/** Dice similarity of two texts' character bigrams, 0…1. Texts too short to have a bigram are
 * similar (1) only when equal apart from whitespace. */
export declare function textSimilarity(a: string, b: string): number;
