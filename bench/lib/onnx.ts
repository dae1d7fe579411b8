/**
 * A minimal protobuf encoder for ONNX models of one node (or a few), enough to build the models the
 * benchmark runs in onnxruntime-node: ModelProto, GraphProto, NodeProto, AttributeProto,
 * ValueInfoProto (tensor type, 1-D symbolic shape) and TensorProto (raw_data initializers).
 * Field numbers follow onnx/onnx.proto3. Pure: no I/O.
 */

// ---------------------------------------------------------------------------------------------
// Protobuf wire format

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

/** A growable byte buffer with the protobuf primitives. */
export class ProtoWriter {
  private bytes: number[] = [];

  private tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** An unsigned varint (non-negative integers up to 2^53). Negative int64 are 10-byte two's complement. */
  varint(value: number | bigint): void {
    let v = BigInt(value);
    if (v < 0n) v += 1n << 64n;
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      this.bytes.push(byte);
    } while (v > 0n);
  }

  int(field: number, value: number | bigint): void {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
  }

  float(field: number, value: number): void {
    this.tag(field, WIRE_I32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.bytes.push(...b);
  }

  double(field: number, value: number): void {
    this.tag(field, WIRE_I64);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, value, true);
    this.bytes.push(...b);
  }

  bytesField(field: number, value: Uint8Array): void {
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    for (const b of value) this.bytes.push(b);
  }

  string(field: number, value: string): void {
    this.bytesField(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (w: ProtoWriter) => void): void {
    const inner = new ProtoWriter();
    build(inner);
    this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// ONNX

/** TensorProto.DataType values. */
export const ONNX_FLOAT = 1;
export const ONNX_DOUBLE = 11;
export type OnnxDtype = 'float32' | 'float64';
export const onnxElemType = (dtype: OnnxDtype): number => (dtype === 'float32' ? ONNX_FLOAT : ONNX_DOUBLE);

/** An attribute value: a JS number is written as FLOAT unless wrapped as { int } ; strings as STRING. */
export type OnnxAttribute = number | string | { readonly int: number };

export interface OnnxInitializer {
  readonly name: string;
  /** Values, written in the graph's dtype; dims default to a scalar ([]). */
  readonly values: readonly number[];
  readonly dims?: readonly number[];
}

export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, OnnxAttribute>>;
}

export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  /** Graph inputs (1-D, symbolic length 'n'), e.g. ['x']. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly initializers?: readonly OnnxInitializer[];
  readonly dtype: OnnxDtype;
  /** Default-domain opset (e.g. 18; Gelu needs 20). */
  readonly opset: number;
  /** ONNX IR version; 9 covers opsets up to 20, 10 up to 21. */
  readonly irVersion?: number;
}

// AttributeProto.AttributeType
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;

function writeAttribute(w: ProtoWriter, name: string, value: OnnxAttribute): void {
  w.string(1, name); // name
  if (typeof value === 'number') {
    w.float(2, value); // f
    w.int(20, ATTR_FLOAT); // type
  } else if (typeof value === 'string') {
    w.bytesField(4, new TextEncoder().encode(value)); // s
    w.int(20, ATTR_STRING);
  } else {
    w.int(3, value.int); // i
    w.int(20, ATTR_INT);
  }
}

function writeValueInfo(w: ProtoWriter, name: string, elemType: number): void {
  w.string(1, name); // ValueInfoProto.name
  w.message(2, (type) =>
    // TypeProto.tensor_type
    type.message(1, (tensor) => {
      tensor.int(1, elemType); // elem_type
      tensor.message(2, (shape) => shape.message(1, (dim) => dim.string(2, 'n'))); // shape { dim { dim_param: "n" } }
    }),
  );
}

function writeTensor(w: ProtoWriter, init: OnnxInitializer, dtype: OnnxDtype): void {
  for (const d of init.dims ?? []) w.int(1, d); // dims
  w.int(2, onnxElemType(dtype)); // data_type
  w.string(8, init.name); // name
  const data = dtype === 'float32' ? new Float32Array(init.values) : new Float64Array(init.values);
  w.bytesField(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)); // raw_data (little-endian)
}

/** Encodes a ModelProto holding one graph. */
export function encodeModel(g: OnnxGraph): Uint8Array {
  const elemType = onnxElemType(g.dtype);
  const w = new ProtoWriter();
  w.int(1, g.irVersion ?? (g.opset <= 20 ? 9 : 10)); // ir_version
  w.string(2, 'activation-functions bench'); // producer_name
  w.message(7, (graph) => {
    g.nodes.forEach((n, i) =>
      graph.message(1, (node) => {
        for (const input of n.inputs) node.string(1, input);
        for (const output of n.outputs) node.string(2, output);
        node.string(3, `${n.opType}_${i}`);
        node.string(4, n.opType);
        for (const [name, value] of Object.entries(n.attributes ?? {})) node.message(5, (a) => writeAttribute(a, name, value));
      }),
    );
    graph.string(2, 'bench');
    for (const init of g.initializers ?? []) graph.message(5, (t) => writeTensor(t, init, g.dtype));
    for (const input of g.inputs) graph.message(11, (v) => writeValueInfo(v, input, elemType));
    for (const output of g.outputs) graph.message(12, (v) => writeValueInfo(v, output, elemType));
  });
  w.message(8, (opset) => {
    opset.string(1, ''); // default domain
    opset.int(2, g.opset);
  });
  return w.finish();
}

/** A one-node model y = op(x, ...initializers). */
export function oneNodeModel(
  opType: string,
  dtype: OnnxDtype,
  opts: { attributes?: Readonly<Record<string, OnnxAttribute>>; initializers?: readonly OnnxInitializer[]; opset?: number } = {},
): Uint8Array {
  const initializers = opts.initializers ?? [];
  return encodeModel({
    nodes: [{ opType, inputs: ['x', ...initializers.map((i) => i.name)], outputs: ['y'], attributes: opts.attributes ?? {} }],
    inputs: ['x'],
    outputs: ['y'],
    initializers,
    dtype,
    opset: opts.opset ?? 18,
  });
}
