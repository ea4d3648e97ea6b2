/**
 * The job worker as the Electron app runs it (bundled to out/main/job-worker.cjs):
 * core's worker, after pointing better-sqlite3 at the Electron build
 * (node_modules holds the Node build, which Electron cannot load). Import
 * order matters: ES modules run in import order, so the binding is set
 * before the core worker opens the case.
 */
import './worker-binding';
import '../core/worker-main';
