using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CaseChinaDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Date_CaseId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_CheckedInAtUtc",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_ResolvedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_Status",
                table: "Cases");

            migrationBuilder.AddColumn<int>(
                name: "RegisteredDay",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolvedDay",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolvedMonth",
                table: "Cases",
                type: "integer",
                nullable: true);

            // Existing cases get their China calendar days from their timestamps (DateOnly.DayNumber counts from 0001-01-01);
            // AT TIME ZONE 'UTC' first, so that the session's time zone plays no part.
            migrationBuilder.Sql("""
                UPDATE "Cases" SET
                    "RegisteredDay" = (("RegisteredAtUtc" AT TIME ZONE 'UTC') + interval '8 hours')::date - date '0001-01-01',
                    "ResolvedDay" = (("ResolvedAtUtc" AT TIME ZONE 'UTC') + interval '8 hours')::date - date '0001-01-01',
                    "ResolvedMonth" = CAST(to_char(("ResolvedAtUtc" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYYMM') AS integer);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Date_CaseId_Satisfaction",
                table: "FollowUps",
                columns: new[] { "Date", "CaseId", "Satisfaction" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CheckedInAtUtc_ActivityId_PartyMemberId_Minutes",
                table: "CheckIns",
                columns: new[] { "CheckedInAtUtc", "ActivityId", "PartyMemberId", "Minutes" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_RegisteredAtUtc_ResolvedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "RegisteredAtUtc", "ResolvedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_Status_AcceptDueAtUtc_ResolveDueAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "Status", "AcceptDueAtUtc", "ResolveDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Dashboard_Resolved",
                table: "Cases",
                columns: new[] { "CommunityId", "ResolvedAtUtc", "Kind", "ResolvedMonth", "ResolvedDay", "RegisteredDay", "EscalatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Date_CaseId_Satisfaction",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_CheckedInAtUtc_ActivityId_PartyMemberId_Minutes",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_RegisteredAtUtc_ResolvedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_Status_AcceptDueAtUtc_ResolveDueAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Dashboard_Resolved",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RegisteredDay",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResolvedDay",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResolvedMonth",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Date_CaseId",
                table: "FollowUps",
                columns: new[] { "Date", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CheckedInAtUtc",
                table: "CheckIns",
                column: "CheckedInAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_ResolvedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "ResolvedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_Status",
                table: "Cases",
                columns: new[] { "CommunityId", "Status" });
        }
    }
}
