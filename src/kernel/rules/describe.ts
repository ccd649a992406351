import type { RuleNode } from './rule.ts';

const OPS: Record<string, [string, string]> = {
  '==': ['为', 'is'],
  '!=': ['不为', 'is not'],
  '>': ['大于', 'over'],
  '>=': ['不小于', 'at least'],
  '<': ['小于', 'under'],
  '<=': ['不大于', 'at most'],
};

/** The rule in plain words (申报条件 on a policy card), in Chinese or English. */
export function describeRule(n: RuleNode, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const yes = (b: unknown) => (typeof b === 'boolean' ? (zh ? (b ? '是' : '否') : b ? 'yes' : 'no') : String(b));
  switch (n.kind) {
    case 'and':
    case 'or': {
      const parts = n.items.map((i) => (i.kind === 'and' || i.kind === 'or' ? `（${describeRule(i, lang)}）` : describeRule(i, lang)));
      return parts.join(zh ? (n.kind === 'and' ? '，且' : '，或') : n.kind === 'and' ? '; and ' : '; or ');
    }
    case 'not':
      return zh ? `并非（${describeRule(n.item, lang)}）` : `not (${describeRule(n.item, lang)})`;
    default: {
      const name = zh ? n.fact.zh : n.fact.en;
      const unit = n.fact.unit ? (zh ? n.fact.unit.zh : ` ${n.fact.unit.en}`) : '';
      if (n.kind === 'known') return zh ? `${name}${n.known ? '有' : '无'}记录` : `${name} ${n.known ? 'is' : 'is not'} recorded`;
      if (n.kind === 'in') return zh ? `${name}为${n.values.join('、')}之一` : `${name} is one of ${n.values.join(', ')}`;
      if (n.kind === 'between') return zh ? `${name}在${String(n.lo)}至${String(n.hi)}${unit}之间` : `${name} between ${String(n.lo)} and ${String(n.hi)}${unit}`;
      const [opZh, opEn] = OPS[n.op];
      return zh ? `${name}${opZh}${yes(n.value)}${unit}` : `${name} ${opEn} ${yes(n.value)}${unit}`;
    }
  }
}
