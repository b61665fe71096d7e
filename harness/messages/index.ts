/** The iPgb message API: model, catalog, builders, reader. Import from here, not from the parts. */
export * from './model.js';
export * from './catalog.js';
export * from './errors.js';
export * from './bsn.js';
export * from './detect.js';
export * from './build.js';
export * from './parse.js';
export * from './heen.js';
export * from './retour.js';
export * from './from-intent.js';
export * from './plain-packer.js';
export * from './off-heap-strings.js';
export * from './flat-string.js';
export * from './xml-style.js';
