import { type ContextScan } from '../contexts/context-scan';
import { scanBody } from '../contexts/scan-body';
import type { DeliveryMethod } from '../delivery-method';
import { OffsetProblem, TemplateProblemCode } from '../problems';
import { findTemplateVariable } from '../variables/template-variables';
import { suggestVariable } from '../variables/suggest-variable';
import { parseTemplate } from './parse-template';
import type { TemplatePart, VariablePart } from './template-part';

/** Longest body template accepted, as the partner settings accept: bodies are API requests, not documents. */
export const MAX_TEMPLATE_LENGTH = 65_536;

/** A template taken apart: its pieces, each variable's context, and its problems by kind. */
export interface TemplateAnalysis {
  readonly parts: readonly TemplatePart[];
  readonly scan: ContextScan;
  /** Emptiness, length and brace syntax: the template's structure is unknown. */
  readonly syntaxProblems: readonly OffsetProblem[];
  readonly unknownVariables: readonly OffsetProblem[];
}

/** Parses a body template and finds where each variable sits for `method`. */
export function analyseTemplate(method: DeliveryMethod, template: string): TemplateAnalysis {
  const size = sizeProblems(template);
  if (size.length > 0) {
    return {
      parts: [],
      scan: { contexts: new Map(), problems: [] },
      syntaxProblems: size,
      unknownVariables: [],
    };
  }
  const { parts, problems } = parseTemplate(template);
  return {
    parts,
    scan: scanBody(method, template, parts),
    syntaxProblems: problems,
    unknownVariables: parts.filter(isVariable).flatMap(unknownVariable),
  };
}

/** Every problem the analysis found, before any body is rendered. */
export function analysisProblems(analysis: TemplateAnalysis): OffsetProblem[] {
  return [...analysis.syntaxProblems, ...analysis.unknownVariables, ...analysis.scan.problems];
}

/** Distinct variable names in order of first use. */
export function usedVariables(analysis: TemplateAnalysis): string[] {
  return [...new Set(analysis.parts.filter(isVariable).map((part) => part.name))];
}

function isVariable(part: TemplatePart): part is VariablePart {
  return part.kind === 'variable';
}

function sizeProblems(template: string): OffsetProblem[] {
  if (template.trim() === '') {
    return [{ code: TemplateProblemCode.EMPTY_TEMPLATE, message: 'the body is empty', offset: 0 }];
  }
  return template.length > MAX_TEMPLATE_LENGTH
    ? [
        {
          code: TemplateProblemCode.TEMPLATE_TOO_LONG,
          message: `the body is ${template.length} characters long; at most ${MAX_TEMPLATE_LENGTH} are accepted`,
          offset: MAX_TEMPLATE_LENGTH,
        },
      ]
    : [];
}

function unknownVariable(part: VariablePart): OffsetProblem[] {
  if (findTemplateVariable(part.name)) {
    return [];
  }
  const suggestion = suggestVariable(part.name);
  return [
    {
      code: TemplateProblemCode.UNKNOWN_VARIABLE,
      message: `unknown variable "${part.name}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
      offset: part.nameStart,
      variable: part.name,
      ...(suggestion ? { suggestion } : {}),
    },
  ];
}
