"""The action plans plugin's tables."""
from action_plans.models.adoption import PlanVersion, SignOff, Signatory
from action_plans.models.coediting import Presence, Revision
from action_plans.models.comments import Comment, CommentMention
from action_plans.models.plan import (PHASES, Action, ActionPartner, Goal, Milestone, Plan, Section,
                                      action_dependencies)
from action_plans.models.tracking import Indicator, Measurement, ProgressUpdate, ReminderSent

__all__ = ["PHASES", "Action", "ActionPartner", "Comment", "CommentMention", "Goal", "Indicator",
           "Measurement", "Milestone", "Plan", "PlanVersion", "Presence", "ProgressUpdate",
           "ReminderSent", "Revision", "Section", "SignOff", "Signatory", "action_dependencies"]
