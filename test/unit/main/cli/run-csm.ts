/** Runs the `csm` command in-process, as the tests call it: exit code and what it wrote to each stream. */
import { run } from '../../../../main/cli/csm';

export async function csm(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(
    argv,
    { write: (text: string) => (stdout += text) },
    { write: (text: string) => (stderr += text) },
  );
  return { code, stdout, stderr };
}
