// The independent reference for the pretrained NanoDet: TensorFlow.js (pure JavaScript CPU
// backend) runs the same graph model from memory and writes its six outputs for each input.
//   node tfjs-reference.cjs <tfjs package dir> <model dir> <in1.f32> [<in2.f32> …]
// Each input file holds 1×3×416×416 float32 little-endian values (NCHW); for each, <in>.out.f32
// gets the outputs in the model signature's order sorted by name (Identity, Identity_1, …,
// Identity_5), float32 little-endian, one after another. Prints one line per input:
// "<file> <milliseconds>".
const fs = require('fs');
const path = require('path');
const [tfjsDir, modelDir, ...inputs] = process.argv.slice(2);
const tf = require(tfjsDir);

async function main() {
  await tf.setBackend('cpu');
  const json = JSON.parse(fs.readFileSync(path.join(modelDir, 'nanodet.json'), 'utf8'));
  const manifest = json.weightsManifest[0];
  const bin = fs.readFileSync(path.join(modelDir, manifest.paths[0]));
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: manifest.weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    format: json.format,
    signature: json.signature,
  }));
  const outputs = Object.keys(json.signature.outputs).map((k) => k.replace(/:0$/, '')).sort();
  for (const file of inputs) {
    const raw = fs.readFileSync(file);
    const x = tf.tensor(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [1, 3, 416, 416], 'float32');
    const start = process.hrtime.bigint();
    const ys = model.execute(x, outputs);
    const values = ys.map((y) => y.dataSync());
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const out = Buffer.concat(values.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)));
    fs.writeFileSync(file + '.out.f32', out);
    tf.dispose([x, ...ys]);
    console.log(file + ' ' + ms.toFixed(0) + ' ' + ys.map((y) => y.shape.join('x')).join(','));
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
