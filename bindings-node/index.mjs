// ES module entry: the same functions as the CommonJS entry (index.js).
import arrears from './index.js'

export const { run, runAsync, civilDate, ArrearsError, operations, errorCodes, version } = arrears
export default arrears
