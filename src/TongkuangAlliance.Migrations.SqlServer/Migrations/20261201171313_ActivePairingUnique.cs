using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ActivePairingUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Pairings_CommunityId_MemberUnitId_Active",
                table: "Pairings",
                columns: new[] { "CommunityId", "MemberUnitId" },
                unique: true,
                filter: "[EndDate] IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pairings_CommunityId_MemberUnitId_Active",
                table: "Pairings");
        }
    }
}
