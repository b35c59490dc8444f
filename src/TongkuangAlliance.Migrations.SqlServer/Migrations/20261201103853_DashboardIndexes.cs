using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Date_CaseId",
                table: "FollowUps",
                columns: new[] { "Date", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_ResolvedAtUtc",
                table: "Cases",
                columns: new[] { "CommunityId", "ResolvedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ResolvedAtUtc",
                table: "Cases",
                column: "ResolvedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Date_CaseId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CommunityId_ResolvedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ResolvedAtUtc",
                table: "Cases");
        }
    }
}
