"""Compliance checks: every rule that judges a record on a date and returns :class:`~ohsreg.models.Finding`\\s.

The layer above the records (:mod:`ohsreg.models`) and the rule functions (:mod:`ohsreg.rules`): a check
reads a record, asks the rules what applied on ``as_of`` and says what is wrong, as data. One module per
domain:

=================================  ==========================================================================
module                             what it checks
=================================  ==========================================================================
:mod:`ohsreg.checks.agency`        a technical service agency's conditions, and whether it may serve one
                                   employer or project (``may_serve``)
:mod:`ohsreg.checks.enterprise`    an employer's duties: declaration, examinations, training, staffing,
                                   detection and evaluation, licences, rectification, accidents
:mod:`ohsreg.checks.project`       a construction project's three-simultaneities file (令第90号), and one
                                   evaluation's agency
:mod:`ohsreg.checks.expert`        the experts of a pool against its conditions and terms
:mod:`ohsreg.checks.ppe`           personal protective equipment: a survey of its use, and the PPE an
                                   employer's posts record
=================================  ==========================================================================

The records keep their ``check(as_of)`` methods (``Enterprise.check``, ``ConstructionProject.check``,
``Evaluation.check``, ``TechnicalServiceAgency.check`` and ``may_serve``, ``ExpertPool.check``,
``PPEUseSurvey.check``): each is one line that calls the function here.
"""
