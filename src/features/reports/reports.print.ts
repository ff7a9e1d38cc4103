/** How the report's text is laid out in print, the editor's preview and the .docx. Pure. */

/**
 * The level of a heading, as GB/T 9704 sets it: 一、… (黑体), （一）… (楷体), and the report's
 * parts (2023年主要工作回顾, 2024年工作任务), centred in 黑体.
 */
export function headingLevel(heading: string): 'part' | 'first' | 'sub' {
  if (/^[一二三四五六七八九十]+、/.test(heading)) return 'first';
  if (/^（[一二三四五六七八九十]+）/.test(heading)) return 'sub';
  return 'part';
}

/** The paragraphs of a section's body; a salutation (各位代表：) is not indented. */
export function paragraphsOf(section: { body: string }): Array<{ text: string; indent: boolean }> {
  return section.body
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => ({ text, indent: !/^[^，。；]{1,10}：$/.test(text) }));
}
