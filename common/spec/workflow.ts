import { z } from 'zod';
import { SettingsSchema } from './settings/settings';
import { StepSchema } from './steps/step';
import { InputsSchema } from './triggers/inputs';
import { TriggerSchema } from './triggers';

/** The header of installable templates (Elastic's library); kept as it is, used by template import. */
export const TemplateMetadataSchema = z
  .looseObject({
    slug: z.string().optional().describe('Stable identifier of the template.'),
    version: z.string().optional().describe('Version of the template.'),
    name: z.string().optional().describe('Title of the template.'),
    description: z.string().optional().describe('What the template does and what it needs.'),
    availability: z.string().optional().describe('Versions the template runs on, e.g. `>=9.5.0`.'),
    solutions: z.array(z.string()).optional().describe('Solutions it belongs to, e.g. `[security]`.'),
    categories: z.array(z.string()).optional().describe('Categories shown in the template gallery.'),
    install: z
      .looseObject({
        form: z
          .array(z.looseObject({ name: z.string().describe('Fills `__install__.<name>` placeholders.') }))
          .optional()
          .describe('Fields asked for at install time.'),
      })
      .optional()
      .describe('What the installer asks for.'),
  })
  .describe(
    'Template header: describes the template and the install-time fields that fill `__install__.*` placeholders.'
  )
  .meta({ id: 'TemplateMetadata' });
export type TemplateMetadata = z.infer<typeof TemplateMetadataSchema>;

export const WorkflowSchema = z
  .strictObject({
    version: z
      .union([z.literal('1'), z.literal(1)])
      .optional()
      .describe('Version of the workflow language: `"1"`.'),
    name: z.string().min(1).describe('Name of the workflow, shown in the list and in rule actions.'),
    description: z.string().optional().describe('What the workflow does.'),
    enabled: z
      .boolean()
      .default(true)
      .describe('Disabled workflows are not triggered by alerts or schedules and are not offered in rule actions.'),
    tags: z.array(z.string()).optional().describe('Labels to find the workflow by.'),
    consts: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Constants, read as `consts.<name>`. Put secrets in connectors, not here.'),
    settings: SettingsSchema.optional(),
    inputs: InputsSchema.optional().describe('Inputs (Kibana 9.3 form; prefer `inputs` under the manual trigger).'),
    triggers: z.array(TriggerSchema).min(1).describe('What starts a run; at least one.'),
    steps: z.array(StepSchema).min(1).describe('The steps, run in order; at least one.'),
    outputs: InputsSchema.optional().describe(
      'Outputs of the workflow, set by `workflow.output` steps; same forms as inputs.'
    ),
    'template-metadata': TemplateMetadataSchema.optional(),
  })
  .describe('A workflow: triggers and the steps they run.')
  .meta({ id: 'Workflow' });
export type WorkflowDefinition = z.infer<typeof WorkflowSchema>;
