/** A column of integers that grows by doubling (2.5M mentions as plain arrays cost several times the memory). */
export function growable<T extends Int32Array | Uint8Array | Float64Array>(make: (n: number) => T) {
  let data = make(1 << 16);
  let length = 0;
  return {
    push(v: number) {
      if (length === data.length) {
        const bigger = make(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[length++] = v;
    },
    /** The values, in an array of their own. */
    done: (): T => {
      const out = data.slice(0, length) as T;
      data = make(0);
      return out;
    },
  };
}
