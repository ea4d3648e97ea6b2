import type { InterchangeMethods } from '../../../shared/api/interchange';
import { writeFtm } from '../interchange/write-ftm';
import type { Handlers } from './types';

export const interchangeHandlers: Handlers<InterchangeMethods> = {
  'interchange.ftm': ({ session }, { path }, control) => writeFtm(session.db, path, control),
};
