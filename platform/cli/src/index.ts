export { main } from './main.js';
export { createProgram } from './program.js';
export { runDoctor, type DoctorReport } from './doctor/runDoctor.js';
export type { CheckResult } from './doctor/CheckResult.js';
