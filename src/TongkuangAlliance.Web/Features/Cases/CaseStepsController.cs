using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>
/// One POST per step of a case's lifecycle and per correction, at /Cases/{step}/{id}. Each loads the case in scope
/// (404 otherwise), asks the case handler whether the user may take the step, applies it against the version the
/// user saw and saves once; the case itself refuses a step its state does not allow.
/// </summary>
[Authorize(Policy = Policies.CaseWorkers)]
[Route("Cases/[action]/{id?}")]
public sealed class CaseStepsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IAuthorizationService authorization,
    IPersonalNumberProtector protector) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpPost]
    public Task<IActionResult> Accept(int id, Guid version, string? handlerUserId, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Accept, async kase =>
        {
            if (!await IsEligibleHandlerAsync(kase, handlerUserId, cancellationToken))
                throw new DomainException("Case.HandlerRequired", "HandlerUserId");
            kase.Accept(handlerUserId, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> StartMediation(int id, Guid version, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.StartMediation, kase => kase.StartMediation(Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddParty(int id, Guid version, [BindRequired, Display(Name = "Field.PartyKind")] CasePartyKind kind, string? name, string? phone, int? memberUnitId,
        [BindRequired, Display(Name = "Field.PartyRole")] CasePartyRole role, PartyProfileInput? profile, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.AddParty, async kase =>
        {
            if (kind == CasePartyKind.MemberUnit)
            {
                var subDistrictId = User.Scope().SubDistrictId;
                var unit = memberUnitId is { } unitId
                    ? await db.MemberUnits.AsNoTracking().Where(u => u.Id == unitId && u.SubDistrictId == subDistrictId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
                    : null;
                if (unit is null) throw new DomainException("Case.Party.MemberUnitRequired", "MemberUnitId");
                name = unit;
            }
            kase.AddParty(kind, name, phone, memberUnitId, role, Now, Me, profile?.ToProfile(), protector);
        }, cancellationToken);

    /// <summary>Completes or corrects a party's basic information (issue 18) while the case is not closed.</summary>
    [HttpPost]
    public Task<IActionResult> UpdateParty(int id, Guid version, int partyId, string? name, string? phone, PartyProfileInput profile, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Edit, kase => kase.UpdateParty(partyId, name, phone, profile.ToProfile(), Now, Me, protector), cancellationToken);

    /// <summary>Mediation content: a user who may not read the sessions may not record one either (the page says so).</summary>
    [HttpPost]
    public Task<IActionResult> RecordSession(int id, Guid version, [DateInRange] DateTime? heldAt, string? place, string? convenedBy, string? attendees, string? minutes, string? outcome, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.RecordSession, kase =>
            kase.RecordSession(heldAt is { } at ? ChinaTime.ToUtc(at) : default, place, convenedBy, attendees, minutes, outcome, Now, Me),
            cancellationToken, refusedKey: "Case.Session.HandlerOnly");

    [HttpPost]
    public Task<IActionResult> AddTerm(int id, Guid version, int obligatedPartyId, [BindRequired, Display(Name = "Field.TermKind")] AgreementTermKind kind, string? description, decimal? amount, [DateInRange] DateOnly? dueDate, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.AddTerm, kase =>
        {
            if (dueDate is not { } due) throw new DomainException("Case.DueDateRequired", "DueDate");
            kase.AddTerm(obligatedPartyId, kind, description, amount, due, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> MarkTermFulfilled(int id, Guid version, int termId, [DateInRange] DateOnly? fulfilledOn, string? proofNote, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.FulfilTerm, kase =>
        {
            if (fulfilledOn is not { } on) throw new DomainException("Case.FulfilledOnRequired", "FulfilledOn");
            kase.MarkTermFulfilled(termId, on, proofNote, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Resolve(int id, Guid version, bool agreementReached, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Resolve, kase => kase.Resolve(agreementReached, note, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> RecordFollowUp(int id, Guid version, [DateInRange] DateOnly? date, [BindRequired, Display(Name = "Field.FollowUpMethod")] FollowUpMethod method, [BindRequired, Display(Name = "Field.Satisfaction")] Satisfaction satisfaction, bool? agreementHonoured, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.FollowUp, kase =>
        {
            if (date is not { } on) throw new DomainException("Case.FollowUpDateRequired", "Date");
            kase.RecordFollowUp(on, method, satisfaction, agreementHonoured, note, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Close(int id, Guid version, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Close, kase => kase.Close(Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> CloseEarly(int id, Guid version, [BindRequired, Display(Name = "Field.CloseKind")] CaseCloseKind closeKind, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.CloseEarly, kase => kase.CloseEarly(closeKind, reason, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> Escalate(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Escalate, kase => kase.Escalate(reason, Now, Me), cancellationToken);

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public Task<IActionResult> TakeOver(int id, Guid version, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.TakeOver, kase => kase.TakeOver(Me, note, Now, Me), cancellationToken);

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public Task<IActionResult> HandBack(int id, Guid version, string? handlerUserId, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.HandBack, async kase =>
        {
            if (!string.IsNullOrEmpty(handlerUserId) && !await IsEligibleHandlerAsync(kase, handlerUserId, cancellationToken))
                throw new DomainException("Case.HandlerRequired", "HandlerUserId");
            kase.HandBack(handlerUserId, note, Now, Me);
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Reopen(int id, Guid version, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.Reopen, kase => kase.Reopen(reason, Now, Me), cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddProgressNote(int id, Guid version, string? text, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.AddNote, kase => kase.AddProgressNote(text, Now, Me), cancellationToken);

    // ---- corrections: what was entered by mistake ------------------------------------------------------

    /// <summary>Withdraws a pending term entered by mistake, with a reason (it stays stored, struck through).</summary>
    [HttpPost]
    public Task<IActionResult> WithdrawTerm(int id, Guid version, int? termId, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.WithdrawTerm, kase => kase.WithdrawTerm(termId ?? 0, reason, Now, Me), cancellationToken);

    /// <summary>Removes a party added by mistake, with a reason (it stays stored, marked removed).</summary>
    [HttpPost]
    public Task<IActionResult> RemoveParty(int id, Guid version, int? partyId, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.RemoveParty, kase => kase.RemoveParty(partyId ?? 0, reason, Now, Me), cancellationToken);

    /// <summary>
    /// Gives an accepted case to another handler from the Accept step's list (staff of the case's community,
    /// sub-district or grid). The committees only; once the sub-district took the case over, the sub-district only.
    /// </summary>
    [HttpPost, Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public Task<IActionResult> ChangeHandler(int id, Guid version, string? handlerUserId, string? note, CancellationToken cancellationToken) =>
        StepAsync(id, version, CaseOperations.ChangeHandler, async kase =>
        {
            string? names = null;
            if (kase.CanAssignHandler)
            {
                if (!await IsEligibleHandlerAsync(kase, handlerUserId, cancellationToken))
                    throw new DomainException("Case.HandlerRequired", "HandlerUserId");
                var previous = kase.HandlerUserId;
                var known = await db.Users.AsNoTracking().Where(u => u.Id == previous || u.Id == handlerUserId)
                    .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                names = $"{(previous is null ? "—" : known.GetValueOrDefault(previous, "—"))} → {known.GetValueOrDefault(handlerUserId!, "—")}";
            }
            if (!kase.AssignHandler(handlerUserId, Now, Me, note, names))
                throw new DomainException("Case.Handler.Unchanged", "HandlerUserId");
        }, cancellationToken, refusedKey: "Case.Handler.TakenOver");

    private Task<IActionResult> StepAsync(int id, Guid version, OperationAuthorizationRequirement operation, Action<Case> step, CancellationToken cancellationToken, string? refusedKey = null) =>
        StepAsync(id, version, operation, kase => { step(kase); return Task.CompletedTask; }, cancellationToken, refusedKey);

    /// <summary>
    /// Loads the case in scope (404 otherwise), asks the handler for <paramref name="operation"/>, applies one step against
    /// the version the user saw, saves once. A broken rule or a conflicting change re-displays the case page with the
    /// message; nothing is saved. A refused operation is a 403 — or, with <paramref name="refusedKey"/>, that message on the page.
    /// </summary>
    private async Task<IActionResult> StepAsync(int id, Guid version, OperationAuthorizationRequirement operation, Func<Case, Task> step, CancellationToken cancellationToken, string? refusedKey = null)
    {
        var kase = await db.Cases.VisibleTo(User.Scope()).Include(c => c.Community).IncludeForRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (kase is null) return NotFound();
        long? changedSince = null;
        if (ModelState.IsValid)
        {
            db.Entry(kase).Property(c => c.Version).OriginalValue = version;
            try
            {
                if (!(await authorization.AuthorizeAsync(User, CaseResource.Of(kase), operation)).Succeeded)
                {
                    if (refusedKey is null) return Forbid();
                    throw new DomainException(refusedKey);
                }
                await step(kase);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Common.Saved"].Value;
                return RedirectToAction(nameof(CasesController.Details), "Cases", new { id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, l);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
                // The step forms carry the last timeline entry the user saw: what others did since is listed with the message.
                changedSince = Request.HasFormContentType && long.TryParse(Request.Form["seen"], out var seen) ? seen : null;
            }
        }
        db.ChangeTracker.Clear();
        var model = await CaseDetailsQuery.For(this, db, clock, l, authorization).LoadAsync(id, cancellationToken, changedSinceEventId: changedSince);
        return model is null ? NotFound() : View(nameof(CasesController.Details), model);
    }

    /// <summary>Whether <paramref name="userId"/> is an active member of the case's staff (<see cref="CaseQueries.EligibleHandlers"/>).</summary>
    private async Task<bool> IsEligibleHandlerAsync(Case kase, string? userId, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(userId)
        && await db.Users.EligibleHandlers(kase.Community!.SubDistrictId, kase.CommunityId, kase.GridId).AnyAsync(u => u.Id == userId, cancellationToken);
}
