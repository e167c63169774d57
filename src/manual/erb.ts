/**
 * Removes ERB from an `.html.md.erb` page. The one helper pages use for content,
 * `RunRakeTask.links("app", "task")`, becomes the rake task it stands for (the site renders it as
 * links to run that task in each environment); every other tag is template logic and goes.
 */
export function stripErb(text: string): string {
  return text.replace(/<%(=|-)?([\s\S]*?)-?%>/g, (_all, _kind: string | undefined, code: string) => {
    const rake = /^\s*RunRakeTask\.links\(\s*["']([^"']+)["']\s*(?:,\s*["']([^"']*)["']\s*)?\)\s*$/.exec(code);
    if (!rake) return '';
    const app = rake[1];
    const task = rake[2] || 'a Rake task';
    return `Run \`rake ${task}\` on ${app} (Integration, Staging, Production)`;
  });
}
