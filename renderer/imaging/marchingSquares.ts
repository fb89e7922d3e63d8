/**
 * Isolines of a 2D scalar field by marching squares (linear interpolation along cell edges).
 * The field is row-major: value(i, j) = field[i + width·j]. Output coordinates are in the field's index
 * space (i along a row, j down the columns), so the caller maps them to patient LPS mm with the grid geometry.
 * Used for isodose lines on the displayed dose plane: exact for a field that is linear inside each cell.
 */
export function marchingSquares(field: ArrayLike<number>, width: number, height: number, level: number): Float32Array {
  const out: number[] = [];
  // where an edge crosses the level: the fraction along the edge from its first corner
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let j = 0; j < height - 1; j++) {
    for (let i = 0; i < width - 1; i++) {
      const v00 = field[i + width * j];
      const v10 = field[i + 1 + width * j];
      const v11 = field[i + 1 + width * (j + 1)];
      const v01 = field[i + width * (j + 1)];
      const code = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // edge points: top (v00→v10), right (v10→v11), bottom (v01→v11), left (v00→v01)
      const top = () => [i + cross(v00, v10), j];
      const right = () => [i + 1, j + cross(v10, v11)];
      const bottom = () => [i + cross(v01, v11), j + 1];
      const left = () => [i, j + cross(v00, v01)];
      const seg = (p: number[], q: number[]) => out.push(p[0], p[1], q[0], q[1]);
      switch (code) {
        case 1: case 14: seg(left(), top()); break;
        case 2: case 13: seg(top(), right()); break;
        case 3: case 12: seg(left(), right()); break;
        case 4: case 11: seg(right(), bottom()); break;
        case 6: case 9: seg(top(), bottom()); break;
        case 7: case 8: seg(left(), bottom()); break;
        case 5: case 10: {
          // saddle: decide by the cell-centre mean so the line does not cross itself
          const centreAbove = (v00 + v10 + v11 + v01) / 4 >= level;
          if ((code === 5) === centreAbove) { seg(left(), top()); seg(right(), bottom()); } else { seg(left(), bottom()); seg(top(), right()); }
          break;
        }
      }
    }
  }
  return Float32Array.from(out);
}
