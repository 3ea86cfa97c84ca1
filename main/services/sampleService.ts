import { generateSampleSchool, type SampleSchoolOptions } from '../../shared/sample/generateSampleSchool';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';

export type SampleService = { readonly generate: (options: SampleSchoolOptions) => SampleSchoolFile };

/** Sample schools for "Dùng thử với dữ liệu mẫu" and `hocba seed`: one generator for both. */
export function createSampleService(): SampleService {
  return { generate: (options) => generateSampleSchool(options) };
}
