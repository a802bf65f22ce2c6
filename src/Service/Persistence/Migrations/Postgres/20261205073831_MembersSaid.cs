using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MembersSaid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "colleague_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    SuggestedByMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuggestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Colleague = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SuggestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitedMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SourceRequestId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_colleague_suggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    RespondentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Knows = table.Column<string>(type: "text", nullable: false),
                    Offers = table.Column<string>(type: "text", nullable: true),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contributions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "goal_votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Draft = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    RespondentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Approve = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goal_votes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_colleague_suggestions_NetworkId",
                table: "colleague_suggestions",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_colleague_suggestions_SourceRequestId",
                table: "colleague_suggestions",
                column: "SourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_contributions_NetworkId",
                table: "contributions",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_contributions_SourceRequestId",
                table: "contributions",
                column: "SourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_goal_votes_NetworkId_Draft",
                table: "goal_votes",
                columns: new[] { "NetworkId", "Draft" });

            migrationBuilder.CreateIndex(
                name: "IX_goal_votes_SourceRequestId",
                table: "goal_votes",
                column: "SourceRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "colleague_suggestions");

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "goal_votes");
        }
    }
}
